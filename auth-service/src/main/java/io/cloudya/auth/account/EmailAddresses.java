package io.cloudya.auth.account;

import io.cloudya.auth.web.ApiException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** Accepts a plausible address and stores it lower-cased; deliverability is the mail system's business. */
public final class EmailAddresses {

    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private EmailAddresses() {
    }

    public static String normalise(String email) {
        String trimmed = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (trimmed.length() > 320 || !PLAUSIBLE.matcher(trimmed).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_email", "The email address is not valid");
        }
        return trimmed;
    }
}
