package io.cloudya.auth.session;

import io.cloudya.auth.web.Caller;
import io.cloudya.auth.web.ClientAddress;
import io.cloudya.contracts.http.IdentityHeaders;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Login, refresh and logout. Login and refresh are public at the gateway; logout needs the access token. */
@RestController
class SessionController {

    private final LoginHandler login;
    private final Sessions sessions;
    private final ClientAddress clientAddress;

    SessionController(LoginHandler login, Sessions sessions, ClientAddress clientAddress) {
        this.login = login;
        this.sessions = sessions;
        this.clientAddress = clientAddress;
    }

    @PostMapping("/api/auth/login")
    TokenResponse login(@RequestBody LoginRequest request, HttpServletRequest http) {
        return login.login(request, clientAddress.of(http));
    }

    @PostMapping("/api/auth/refresh")
    TokenResponse refresh(@RequestBody RefreshRequest request) {
        return sessions.rotate(request.refreshToken());
    }

    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@RequestBody RefreshRequest request,
                @RequestHeader(name = IdentityHeaders.USER_ID, required = false) String userIdHeader) {
        sessions.close(Caller.userId(userIdHeader), request.refreshToken());
    }
}
