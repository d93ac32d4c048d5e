package cn.onepoint.auth;

/** What a service account (client credentials, no person) may do; configured per client. */
public enum ServiceRole {
    /** Directory and calendar writes: units, people, customers, circuits, calendar years. */
    DIRECTORY_ADMIN,
    /** Creates fault tickets of the ALARM channel (T2: automation), nothing else. */
    ALARM_INTAKE,
    /** Creates fault tickets of any channel and the records scripts feed in. */
    INTAKE
}
