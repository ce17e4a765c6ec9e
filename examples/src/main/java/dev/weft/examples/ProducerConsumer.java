package dev.weft.examples;

import dev.weft.Async;
import dev.weft.Generator;

/**
 * Seed 001, in prose: yield "can also receive parameters passed by the caller". A consumer
 * generator driven with {@code send} and ended with {@code close}
 * ({@code src/main/python/ProducerConsumer.py}).
 */
public class ProducerConsumer {

    @Async
    static Generator<String, Integer, Void> consumer() {               // def consumer():
        String r = "";                                                  //     r = ''
        while (true) {                                                  //     while True:
            Integer n = Generator.yield(r);                             //         n = yield r
            if (n == null || n == 0) {                                  //         if not n:
                return Generator.done();                                //             return
            }
            System.out.println("[CONSUMER] Consuming " + n + "...");    //         print('[CONSUMER] Consuming %s...' % n)
            r = "200 OK";                                               //         r = '200 OK'
        }
    }

    static void produce(Generator<String, Integer, Void> c) {          // def produce(c):
        c.send(null);                                                   //     c.send(None)
        int n = 0;                                                      //     n = 0
        while (n < 5) {                                                 //     while n < 5:
            n = n + 1;                                                  //         n = n + 1
            System.out.println("[PRODUCER] Producing " + n + "...");    //         print('[PRODUCER] Producing %s...' % n)
            String r = c.send(n);                                       //         r = c.send(n)
            System.out.println("[PRODUCER] Consumer return: " + r);     //         print('[PRODUCER] Consumer return: %s' % r)
        }
        c.close();                                                      //     c.close()
    }

    public static void main(String[] args) {
        var c = consumer();                                             // c = consumer()
        produce(c);                                                     // produce(c)
    }
}
