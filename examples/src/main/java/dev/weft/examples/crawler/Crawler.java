package dev.weft.examples.crawler;

import static dev.weft.Weft.*;
import static dev.weft.examples.Py.print;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Held;
import dev.weft.Semaphore;
import dev.weft.TimeoutException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds' crawler grown up ({@code src/main/python/crawler/Crawler.py}): 20 pages downloaded
 * concurrently with {@link HttpClient#sendAsync}, at most {@value #LIMIT} requests at once (a
 * {@link Semaphore}), each given {@value #TIMEOUT} s ({@code waitFor}), the failures collected
 * with the results ({@code gatherReturnExceptions}, Python's {@code gather(..., return_exceptions=True)})
 * and printed in the order of the URLs. Two URLs go wrong on purpose: {@code /fail} answers 500, and
 * {@code /slow} takes 3 s, so its {@code waitFor} times out and cancels it.
 *
 * <p>{@code download} declares the checked {@code IOException} it throws, so its callers declare it
 * too, and a caller could catch it around {@code await(download(...))}; here it travels inside the
 * gather's results instead.
 *
 * <p>The server is a {@link LocalServer} that the example starts on 127.0.0.1; it counts the
 * requests in flight, and the last line says whether the bound held.
 */
public class Crawler {

    public static final int LIMIT = 4;
    static final double TIMEOUT = 1.0;

    /** One GET; anything but 200 is an error. Its {@code IOException} comes out of {@code await} as it was thrown. */
    @Async
    static Coroutine<Integer> download(HttpClient session, String url) throws IOException {     // async def download(session, url):
        HttpResponse<String> response = await(session.sendAsync(                                //     async with session.get(url) as response:
                HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString()));
        if (response.statusCode() != 200) {                                                     //         if response.status != 200:
            throw new IOException("HTTP " + response.statusCode());                             //             raise IOError(f'HTTP {response.status}')
        }
        return Coroutine.returning(response.body().length());                                   //         return len(await response.text())
    }

    @Async
    static Coroutine<Integer> fetch(HttpClient session, Semaphore sem, String url)              // async def fetch(session, sem, url):
            throws IOException {
        try (Held held = await(sem.acquire())) {                                                //     async with sem:
            return Coroutine.returning(await(waitFor(download(session, url), TIMEOUT)));        //         return await asyncio.wait_for(download(session, url), TIMEOUT)
        }
    }

    @Async
    static Coroutine<Void> main(LocalServer web) throws IOException {                           // async def main(web):
        HttpClient session = HttpClient.newBuilder()                                            //     async with aiohttp.ClientSession() as session:
                .version(HttpClient.Version.HTTP_1_1).build();
        Semaphore sem = new Semaphore(LIMIT);                                                   //         sem = asyncio.Semaphore(LIMIT)
        List<String> names = new ArrayList<>();                                                 //         names = [f'page-{i:02}' for i in range(20)] + ['fail', 'slow']
        for (int i = 0; i < 20; i++) {
            names.add(String.format("page-%02d", i));
        }
        names.add("fail");
        names.add("slow");
        List<Coroutine<Integer>> downloads = new ArrayList<>();                                 //         downloads = [fetch(session, sem, web.url(
        for (String name : names) {                                                             //             f'/page/{name}?delay=100&size={1000 + 37 * len(name)}'
            String path = name.startsWith("page-")                                              //             if name.startswith('page-') else '/' + name))
                    ? "/page/" + name + "?delay=100&size=" + (1000 + 37 * Integer.parseInt(name.substring(5)))
                    : "/" + name;
            downloads.add(fetch(session, sem, web.url(path)));                                  //             for name in names]
        }
        List<Object> results = await(gatherReturnExceptions(downloads));                        //         results = await asyncio.gather(*downloads, return_exceptions=True)
        int ok = 0;                                                                             //         ok = 0
        for (int i = 0; i < names.size(); i++) {                                                //         for name, result in zip(names, results):
            Object result = results.get(i);
            if (result instanceof TimeoutException) {                                           //             if isinstance(result, asyncio.TimeoutError):
                System.out.println(names.get(i) + ": timed out after " + TIMEOUT + " s");       //                 print(f'{name}: timed out after {TIMEOUT} s')
            } else if (result instanceof IOException) {                                         //             elif isinstance(result, IOError):
                System.out.println(names.get(i) + ": failed: " + ((IOException) result).getMessage());
                                                                                                //                 print(f'{name}: failed: {result}')
            } else {                                                                            //             else:
                System.out.println(names.get(i) + ": " + result + " characters");               //                 print(f'{name}: {result} characters')
                ok++;                                                                           //                 ok += 1
            }
        }
        System.out.println(ok + " of " + names.size() + " downloaded");                         //         print(f'{ok} of {len(names)} downloaded')
        print("never more than " + LIMIT + " requests at once:", web.maxInFlight() <= LIMIT);  //         print(f'never more than {LIMIT} requests at once:', web.max_in_flight() <= LIMIT)
        return Coroutine.done();
    }

    /** {@code main(web)} for a test that starts its own server. */
    public static Coroutine<Void> mainFor(LocalServer web) throws IOException {
        return main(web);
    }

    public static void main(String[] args) {
        try (LocalServer web = LocalServer.start()) {                                           // web = local_server.start()
            run(main(web));                                                                     // asyncio.run(main(web))
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
