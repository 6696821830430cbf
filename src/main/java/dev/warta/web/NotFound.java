package dev.warta.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page or article that does not exist: answered 404 with the message on the error page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotFound extends RuntimeException {
    NotFound(String message) {
        super(message);
    }
}
