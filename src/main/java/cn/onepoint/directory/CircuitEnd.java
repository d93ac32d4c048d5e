package cn.onepoint.directory;

import jakarta.persistence.Embeddable;

import java.util.UUID;

/** C2: one end of a circuit: station, place, and the unit owning the access segment. */
@Embeddable
public class CircuitEnd {
    public String station;
    public String city;
    public String province;
    public boolean capital;
    public boolean overseas;
    public UUID unitId;
}
