package dev.weft.examples.crawler;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * Seed 001, aiohttp's GET: {@code fetch(session)} reads a JSON document and prints its
 * {@code data} field ({@code src/main/python/crawler/FetchJson.py}). The seed shows only
 * {@code fetch}; {@code main} runs it once, against a {@link LocalServer} instead of
 * {@code localhost:10056}.
 */
public class FetchJson {

    @Async
    static Coroutine<Void> fetch(HttpClient session, String base) {                 // async def fetch(session):
        HttpResponse<String> response = await(session.sendAsync(                    //     async with session.get("http://localhost:10056/test/") as response:
                HttpRequest.newBuilder(URI.create(base + "/test/")).build(), BodyHandlers.ofString()));
        String data = PostInit.jsonData(response.body());                           //         data = json.loads(await response.text())
        System.out.println(data);                                                   //         print(data["data"])
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main(String base) {                                      // async def main(base):
        HttpClient session = HttpClient.newBuilder()                                //     async with aiohttp.ClientSession() as session:
                .version(HttpClient.Version.HTTP_1_1).build();
        await(fetch(session, base));                                                //         await fetch(session, base)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        try (LocalServer web = LocalServer.start()) {
            run(main(web.url("")));                                                 // asyncio.run(main(web.url('')))
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
