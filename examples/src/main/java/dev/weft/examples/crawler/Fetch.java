package dev.weft.examples.crawler;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Task;
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
 * Seed 002, "案例：异步爬虫": three pages downloaded concurrently, aiohttp's {@code ClientSession}
 * being the JDK's {@link HttpClient}, whose {@code sendAsync} gives a {@code CompletableFuture} that
 * a coroutine awaits ({@code src/main/python/crawler/Fetch.py}).
 *
 * <p>The pages come from a {@link LocalServer} on 127.0.0.1 instead of python.org, baidu.com and
 * pythonav.com, so the example needs no network; they answer after 300, 0 and 150 ms, so the
 * results come back in the order 2, 3, 1, whichever language asks. The port differs from run to
 * run: the test compares the lines with the port erased.
 */
public class Fetch {

    @Async
    static Coroutine<String> fetch(HttpClient session, String url) {                   // async def fetch(session, url):
        System.out.println("发送请求 " + url);                                          //     print("发送请求", url)
        HttpResponse<String> response = await(session.sendAsync(                       //     async with session.get(url, verify_ssl=False) as response:
                HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString()));
        String text = response.body();                                                  //         text = await response.text()
        System.out.println("得到结果 " + url + " " + text.length());                    //         print("得到结果",url,len(text))
        return Coroutine.returning(text);                                               //         return text
    }

    @Async
    static Coroutine<Void> main(LocalServer web) {                                      // async def main():
        HttpClient session = HttpClient.newBuilder()                                    //     async with aiohttp.ClientSession() as session:
                .version(HttpClient.Version.HTTP_1_1).build();
        List<String> urlList = List.of(                                                 //         url_list = [
                web.url("/page/python.org?delay=300&size=50000"),                       //             'https://python.org',
                web.url("/page/www.baidu.com?delay=0&size=2000"),                       //             'https://www.baidu.com',
                web.url("/page/www.pythonav.com?delay=150&size=7000"));                 //             'https://www.pythonav.com'
                                                                                        //         ]
        List<Task<String>> tasks = new ArrayList<>();                                   //         tasks = [asyncio.create_task(fetch(session,url)) for url in url_list]
        for (String url : urlList) {
            tasks.add(createTask(fetch(session, url)));
        }
        await(waitTasks(tasks));                                                        //         await asyncio.wait(tasks)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        try (LocalServer web = LocalServer.start()) {
            run(main(web));                                                             // asyncio.run(main())
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
