package cn.onepoint.ticket;

/**
 * A loop-back test session: refused by the customer (another method recorded), testing, the fault narrowed to a
 * segment, or not found (a difficult fault); ended when the ticket was restored or closed first.
 */
public enum LoopTestStatus { NO_CONSENT, TESTING, FOUND, DIFFICULT_FAULT, ENDED }
