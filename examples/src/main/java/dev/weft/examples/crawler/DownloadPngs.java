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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Seed 004, aiohttp download: images fetched concurrently and written to files
 * ({@code src/main/python/crawler/DownloadPngs.py}). The seed's list of baidu.com URLs is cut off
 * in the page; three images of a {@link LocalServer} stand in for it, and the files go to a
 * temporary directory, deleted afterwards, rather than the working directory. Writing the file
 * blocks the loop briefly, as in the seed.
 */
public class DownloadPngs {

    @Async
    static Coroutine<Void> fetch(HttpClient session, String url, Path dir) throws IOException {    // async def fetch(session, url):
        System.out.println("发送请求: " + url);                                                     //     print("发送请求:", url)
        HttpResponse<byte[]> response = await(session.sendAsync(                                   //     async with session.get(url, verify_ssl=False) as response:
                HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofByteArray()));
        byte[] content = response.body();                                                          //         content = await response.content.read()
        String fileName = url.substring(url.lastIndexOf('/') + 1) + ".png";                        //         file_name = url.rsplit("/")[-1] + '.png'
        Files.write(dir.resolve(fileName), content);                                               //         with open(file_name, mode="wb") as file_object:
                                                                                                   //             file_object.write(content)
        System.out.println("下载完成");                                                            //             print("下载完成")
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main(LocalServer web, Path dir) throws IOException {                    // async def main():
        HttpClient session = HttpClient.newBuilder()                                               //     async with aiohttp.ClientSession() as session:
                .version(HttpClient.Version.HTTP_1_1).build();
        List<String> urlList = List.of(                                                            //         url_list = [
                web.url("/img/u=4198287529,277447.png"),                                           //             'https://t7.baidu.com/it/u=4198287529,277447...
                web.url("/img/u=2529476510,3041785782.png"),
                web.url("/img/u=1951548898,3927145.png"));
        List<Task<Void>> tasks = new ArrayList<>();                                                //         tasks = [asyncio.create_task(fetch(session, url)) for url in url_list]
        for (String url : urlList) {
            tasks.add(createTask(fetch(session, url, dir)));
        }
        await(waitTasks(tasks));                                                                   //         await asyncio.wait(tasks)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        try (LocalServer web = LocalServer.start()) {
            Path dir = Files.createTempDirectory("weft-pngs");
            try {
                run(main(web, dir));                                                               // asyncio.run(main())
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
