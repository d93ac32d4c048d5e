package cn.onepoint.workorder;

/** C2 / T17: where on a circuit a unit works or a fault lies. */
public enum Segment { A_ACCESS, BACKBONE, Z_ACCESS, CUSTOMER_PREMISES, OTHER;

    /** T7: the telecom side is every segment but the customer's premises. */
    public boolean telecom() {
        return this != CUSTOMER_PREMISES;
    }
}
