package cn.onepoint.cutover;

import cn.onepoint.directory.Customer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A cutover with its circuits, its customers' notices and those customers, as one command or view needs them. */
record CutoverData(Cutover cutover, List<CutoverCircuit> circuits, List<CutoverNotice> notices,
                   Map<UUID, Customer> customers) {

    /** The codes of the circuits of one customer, in the order they were given. */
    List<String> circuitCodesOf(UUID customerId) {
        return circuits.stream().filter(c -> c.customerId.equals(customerId)).map(c -> c.circuitCode).toList();
    }

    List<CutoverNotice> unacknowledged() {
        return notices.stream().filter(n -> !n.acknowledged()).toList();
    }

    /** Customer codes, for messages that name customers. */
    String codesOf(List<CutoverNotice> some) {
        return String.join(", ", some.stream().map(n -> customers.get(n.customerId).code).toList());
    }
}
