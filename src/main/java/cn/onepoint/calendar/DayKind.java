package cn.onepoint.calendar;

/** What a calendar day is, in mainland China's official working-day calendar. */
public enum DayKind {
    /** Monday to Friday, not in a holiday block: a working day. */
    WORKDAY,
    /** Saturday or Sunday with no entry: a rest day. */
    WEEKEND,
    /** An official day off of a holiday block (offDay:true), whether it falls on a weekday or a weekend. */
    HOLIDAY,
    /** An adjusted working day 调休上班 (offDay:false): a Saturday or Sunday worked like a weekday. */
    ADJUSTED_WORKDAY;

    public boolean working() {
        return this == WORKDAY || this == ADJUSTED_WORKDAY;
    }
}
