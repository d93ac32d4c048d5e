package cn.onepoint.presales;

/** What a segment's resource check answers. */
public enum CheckAnswer {
    /** 具备 */
    AVAILABLE,
    /** 不具备: the resources are not there. */
    NOT_AVAILABLE,
    /** 不满足: the resources could be there, but not by the required date. */
    SCHEDULE_NOT_MET;

    /** A negative answer triggers the second check 二次核查. */
    public boolean negative() {
        return this != AVAILABLE;
    }
}
