package cn.onepoint.ticket;

/** T3: group module for group-level customers and cross-province circuits, else the province. */
public enum Scope { GROUP, PROVINCE }
