package cn.onepoint.cutover;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A circuit a cutover works on, and the customer it serves. */
@Entity
@Table(name = "cutover_circuit")
public class CutoverCircuit extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "cutover_id")
    public UUID cutoverId;
    @Column(name = "circuit_id")
    public UUID circuitId;
    @Column(name = "circuit_code")
    public String circuitCode;
    @Column(name = "customer_id")
    public UUID customerId;
}
