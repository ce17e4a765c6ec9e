package dev.weft.examples.executors;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.examples.crawler.LocalServer;
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
 * Seed 002, "案例：asyncio + 不支持异步的模块": a library that only blocks ({@code requests.get})
 * called from coroutines through {@code run_in_executor}, so the downloads still overlap
 * ({@code src/main/python/executors/DownloadImage.py}). The blocking call here is
 * {@link HttpClient#send}, the synchronous twin of {@code sendAsync}. Seed 000's {@code call_api}
 * is the same program without the prints.
 *
 * <p>Three images of a {@link LocalServer} stand in for the seed's autoimg.cn URLs; the files go to
 * a temporary directory (the seed's {@code pic}), deleted afterwards.
 */
public class DownloadImage {

    static final HttpClient REQUESTS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** {@code requests.get(url)}: blocks the calling thread until the whole answer is in. */
    static HttpResponse<byte[]> requestsGet(String url) throws IOException, InterruptedException {
        return REQUESTS.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofByteArray());
    }

    @Async
    static Coroutine<Void> downloadImage(String url, Path pic) throws IOException {              // async def download_image(url):
        System.out.println("开始下载 " + url);                                                    //     print("开始下载", url)
        EventLoop loop = getRunningLoop();                                                        //     loop = asyncio.get_event_loop()
        Future<HttpResponse<byte[]>> future = loop.runInExecutor(null, () -> requestsGet(url));  //     future = loop.run_in_executor(None, requests.get, url) # 默认线程池全局共享
        HttpResponse<byte[]> response = await(future);                                            //     response = await future
        System.out.println("下载完成");                                                           //     print("下载完成")

        String fileName = url.substring(url.lastIndexOf('_') + 1);                                //     file_name = url.rsplit('_')[-1]
        // 从url中提取文件名，从右边按'_'分割，取最后一个部分
        Path filePath = pic.resolve(fileName);                                                    //     file_path = os.path.join("pic", file_name)
        Files.write(filePath, response.body());                                                   //     with open(file_path, mode='wb') as file_object:
                                                                                                  //         file_object.write(response.content)
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main(LocalServer web, Path pic) throws IOException {                   // async def main():
        List<String> urlList = List.of(                                                           //     url_list = [
                web.url("/img/120x90_0_autohomecar__ChsEe12AXQ6AOOH_AAFocMs8nzU621.jpg"),
                web.url("/img/120x90_0_autohomecar__ChcCSV2BBICAUntfAADjJFd6800429.jpg"),
                web.url("/img/120x90_0_autohomecar__ChcCP12BFCmAIO83AAGq7vK0sGY193.jpg"));      //     ]
        List<Task<Void>> tasks = new ArrayList<>();                                               //     tasks = [asyncio.create_task(download_image(url)) for url in url_list]
        for (String url : urlList) {
            tasks.add(createTask(downloadImage(url, pic)));
        }
        await(waitTasks(tasks));                                                                  //     await asyncio.wait(tasks)
        return Coroutine.done();
    }

    public static void main(String[] args) {                                                      // if __name__ == '__main__':
        try (LocalServer web = LocalServer.start()) {
            Path pic = Files.createTempDirectory("pic");
            try {
                run(main(web, pic));                                                              //     asyncio.run(main())  # 直接使用 asyncio.run
            } finally {
                try (Stream<Path> files = Files.walk(pic)) {
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
