package cn.onepoint.ticket;

/** T2: how the fault reached us. MACHINE_ROOM applies 首问负责制 (first-ask responsibility). */
public enum Channel { HOTLINE, MACHINE_ROOM, PORTAL, ALARM }
