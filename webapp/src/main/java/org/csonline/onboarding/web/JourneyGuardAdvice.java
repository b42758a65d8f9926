package org.csonline.onboarding.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

@ControllerAdvice
class JourneyGuardAdvice {

    @ExceptionHandler(JourneyGuard.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String noJourney() {
        return "applicant/no-journey";
    }
}
