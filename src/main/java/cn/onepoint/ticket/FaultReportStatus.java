package cn.onepoint.ticket;

/** Where a final fault report stands: due at close, drafted, reviewed, submitted. */
public enum FaultReportStatus { DUE, DRAFT, REVIEWED, SUBMITTED }
