package cn.onepoint.directory;

/** C1: 集团级 / 省级 / 本地. */
public enum CustomerLevel { GROUP, PROVINCIAL, LOCAL }
