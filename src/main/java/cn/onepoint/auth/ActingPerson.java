package cn.onepoint.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field of a request body that names who acts. The token is the actor ({@link ActingPersonReader}):
 * left out, the field is the caller's person id; given, it must be that id, else 403 {@code AUTH-ACTOR}. A service
 * account has no person and cannot send such a request.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ActingPerson {
}
