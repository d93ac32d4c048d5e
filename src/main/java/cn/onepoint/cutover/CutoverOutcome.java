package cn.onepoint.cutover;

/** How a cutover ended: the work done, or undone to the state before it 回退. */
public enum CutoverOutcome { SUCCEEDED, ROLLED_BACK }
