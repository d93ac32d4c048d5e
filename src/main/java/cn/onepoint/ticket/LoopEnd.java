package cn.onepoint.ticket;

import cn.onepoint.workorder.Segment;

/** An end of the circuit in a loop-back test. */
public enum LoopEnd {
    A, Z;

    public LoopEnd other() {
        return this == A ? Z : A;
    }

    /** The access segment on this end's side of the backbone. */
    public Segment access() {
        return this == A ? Segment.A_ACCESS : Segment.Z_ACCESS;
    }
}
