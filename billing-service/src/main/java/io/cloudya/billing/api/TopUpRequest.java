package io.cloudya.billing.api;

/** {@code POST /api/billing/topup} body: {@code {"tokens": 5000}}. */
record TopUpRequest(Long tokens) {
}
