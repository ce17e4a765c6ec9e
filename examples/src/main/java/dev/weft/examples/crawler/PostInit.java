package dev.weft.examples.crawler;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seed 001, aiohttp's POST: two sessions post JSON; the first one blocks the whole loop with
 * {@code time.sleep} before it starts, which is the seed's lesson (a blocking call inside a
 * coroutine stops every task) ({@code src/main/python/crawler/PostInit.py}). The seed blocks 5
 * seconds; both twins block 0.5 ({@code Thread.sleep} is Java's {@code time.sleep}).
 *
 * <p>"session begin 1" always comes before "session begin 2"; after that the two answers may come
 * back in either order, so the test compares the lines as a multiset (each task's lines keep
 * their order: {@code CrawlerTest} checks it). The server is a {@link LocalServer}; the bare
 * coroutines are wrapped in tasks, as Python 3.11 requires.
 */
public class PostInit {

    private static final Pattern DATA = Pattern.compile("\"data\":\\s*\"([^\"]*)\"");

    /** {@code json.loads(text)["data"]}, for the one-field documents of this example (the JDK has no JSON parser). */
    static String jsonData(String text) {
        Matcher m = DATA.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no \"data\" in " + text);
        }
        return m.group(1);
    }

    @Async
    static Coroutine<Void> init(String base, int num) throws InterruptedException {                 // async def init(num):
        HttpClient session = HttpClient.newBuilder()                                                //     async with aiohttp.ClientSession() as session:
                .version(HttpClient.Version.HTTP_1_1).build();
        if (num == 1) {                                                                             //         if num == 1:
            Thread.sleep(500);                                                                      //             time.sleep(5)
        }
        System.out.println("session begin " + num);                                                 //         print("session begin", num)
        HttpResponse<String> response = await(session.sendAsync(                                   //         async with session.post("http://localhost:10056/hello/", data=json.dumps({"data": "hello"})) as response:
                HttpRequest.newBuilder(URI.create(base + "/hello/"))
                        .POST(BodyPublishers.ofString("{\"data\": \"hello\"}")).build(),
                BodyHandlers.ofString()));
        System.out.println("client begin " + num);                                                  //             print("client begin", num)
        String data = jsonData(response.body());                                                    //             data = json.loads(await response.text())
        System.out.println(data);                                                                   //             print(data["data"])
        System.out.println("session end " + num);                                                   //         print("session end", num)
        System.out.println("other");                                                                //     print("other")
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> waitAll(List<Coroutine<Void>> coros) {                                   // (asyncio.wait, as 3.10 did it)
        await(waitTasks(List.of(createTask(coros.get(0)), createTask(coros.get(1)))));
        return Coroutine.done();
    }

    public static void main(String[] args) {                                                        // if __name__ == '__main__':
        try (LocalServer web = LocalServer.start()) {
            String base = web.url("");
            EventLoop loop = EventLoop.create();                                                    //     loop = asyncio.get_event_loop()
            List<Coroutine<Void>> tasks = List.of(init(base, 1), init(base, 2));                    //     tasks = [init(1), init(2)]
            loop.runUntilComplete(waitAll(tasks));                                                  //     loop.run_until_complete(asyncio.wait(tasks))
            loop.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
