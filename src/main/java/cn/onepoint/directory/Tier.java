package cn.onepoint.directory;

/** O1: the three tiers. Backbone units are GROUP tier. */
public enum Tier { GROUP, PROVINCE, LOCAL }
