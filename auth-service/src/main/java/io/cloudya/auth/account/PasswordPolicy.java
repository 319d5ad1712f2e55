package io.cloudya.auth.account;

import io.cloudya.auth.web.ApiException;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * Length first (NIST 800-63B): 12 to 128 characters, not made of one kind of character, and not containing
 * the email's name part. The upper bound keeps the hash cost of a request bounded.
 */
public final class PasswordPolicy {

    static final int MIN = 12;
    static final int MAX = 128;

    private PasswordPolicy() {
    }

    public static void check(String password, String normalisedEmail) {
        if (password == null || password.length() < MIN || password.length() > MAX) {
            throw weak("The password must be " + MIN + " to " + MAX + " characters long");
        }
        if (password.chars().allMatch(Character::isLetter) || password.chars().allMatch(Character::isDigit)) {
            throw weak("The password must mix letters with digits or symbols");
        }
        if (password.chars().distinct().count() < 5) {
            throw weak("The password repeats too few different characters");
        }
        String name = normalisedEmail.substring(0, normalisedEmail.indexOf('@'));
        if (name.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(name)) {
            throw weak("The password must not contain your email address");
        }
    }

    private static ApiException weak(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "weak_password", message);
    }
}
