package cn.onepoint.ticket;

/** Who can cooperate in a loop-back test: the customers at both ends, at one end, or at neither. */
public enum LoopPlan { BOTH, ONE, NEITHER }
