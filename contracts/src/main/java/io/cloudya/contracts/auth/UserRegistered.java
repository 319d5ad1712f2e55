package io.cloudya.contracts.auth;

import io.cloudya.contracts.Event;

/** A new account exists; token-service opens its Free allowance from this. */
public record UserRegistered(String userId, String email, String plan) implements Event {
}
