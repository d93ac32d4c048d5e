package cn.onepoint.presales;

/**
 * S1: the segments a resource check covers: the network up to the customer's red line 红线. The part the customer
 * maintains and the property 物业 are not part of a check, so there is no segment for them.
 */
public enum CheckSegment {
    /** A-end access 接入段, checked by the A end's unit. */
    A_ACCESS,
    /** Backbone 骨干段, checked by the backbone unit. */
    BACKBONE,
    /** Z-end access, checked by the Z end's unit. */
    Z_ACCESS
}
