package com.example;

import dev.weft.Async;

public class WrongReturn {
    @Async
    static String notAGenerator() { // weft-error: reported at the declaration
        return "a string";
    }
}
