package cn.onepoint.directory.dto;

import cn.onepoint.directory.Person;
import cn.onepoint.directory.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Set;

@Schema(name = "Person")
public record PersonView(String id, String href, String name, String login, String unitId, Set<Role> roles, String phone,
                         String email, Instant createdAt) {
    public static PersonView of(Person p) {
        return new PersonView(p.id.toString(), "/api/v1/people/" + p.id, p.name, p.login, p.unitId.toString(), p.roles,
                p.phone, p.email, p.createdAt);
    }
}
