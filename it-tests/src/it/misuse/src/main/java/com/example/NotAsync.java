package com.example;

import dev.weft.Generator;

public class NotAsync {
    static void forgotTheAnnotation() {
        Generator.yield(1); // weft-error
    }
}
