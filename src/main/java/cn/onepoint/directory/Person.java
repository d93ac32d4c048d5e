package cn.onepoint.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** O2: a person of a unit with the roles the rules look for. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    /** What the person's token names them by (claim {@code preferred_username} by default); unique. */
    @Column(columnDefinition = "varchar(64)")
    public String login;
    @Column(name = "unit_id")
    public UUID unitId;
    @Convert(converter = RolesConverter.class)
    public Set<Role> roles;
    public String phone;
    public String email;
    @Column(name = "created_at")
    public Instant createdAt;
}
