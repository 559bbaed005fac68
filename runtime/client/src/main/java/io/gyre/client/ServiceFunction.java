package io.gyre.client;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of an object given to {@link GyreClient#registerService(String, Object)} as
 * one function of the service. Its parameters take the call's arguments in order, converted from
 * JSON with Jackson; a last parameter of type {@link CallArguments} gets the whole call.
 *
 * <pre>{@code
 * class Chat {
 *   @ServiceFunction
 *   public String receive(String from, String text) { return "got " + text; }
 * }
 * client.registerService("chat", new Chat());
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ServiceFunction {
  /** The function's name in Aqua; empty: the method's name. */
  String value() default "";
}
