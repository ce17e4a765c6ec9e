package com.example;

import dev.weft.Async;

public class WrongReturn {
    @Async
    static String notAGenerator() {
        return "a string"; // weft-error
    }
}
