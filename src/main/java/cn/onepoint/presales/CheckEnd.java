package cn.onepoint.presales;

import jakarta.persistence.Embeddable;

import java.util.UUID;

/** One end of the service asked for: where the customer is, and the unit whose access segment reaches it. */
@Embeddable
public class CheckEnd {
    /** The customer's address 装机地址; the check stops at the customer's red line there. */
    public String address;
    public String station;
    public String city;
    public String province;
    public UUID unitId;
}
