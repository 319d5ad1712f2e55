package io.cloudya.billing.api;

/** {@code POST /api/billing/checkout} body: {@code {"plan": "starter|pro|enterprise"}}. */
record PlanRequest(String plan) {
}
