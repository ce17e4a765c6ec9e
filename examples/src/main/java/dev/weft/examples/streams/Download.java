package dev.weft.examples.streams;

import static dev.weft.Weft.*;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.Async;
import dev.weft.Connection;
import dev.weft.Coroutine;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import dev.weft.Task;
import dev.weft.examples.crawler.LocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Seed 004's aiohttp download over streams alone ({@code src/main/python/streams/Download.py}):
 * each image fetched with a plain HTTP/1.1 GET on {@code openConnection}, concurrently, and written
 * to a file. The images come from the crawler examples' {@link LocalServer} on 127.0.0.1, the
 * files go to a temporary directory, deleted afterwards. The test compares the lines with the
 * port erased.
 */
public class Download {

    /** The status and the body of a GET. */
    static final class Response {
        final String status;
        final byte[] content;

        Response(String status, byte[] content) {
            this.status = status;
            this.content = content;
        }
    }

    @Async
    static Coroutine<Response> get(String url) {                                               // async def get(url):
        URI parts = URI.create(url);                                                           //     parts = urlsplit(url)
        Connection c = await(openConnection(parts.getHost(), parts.getPort()));               //     reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        StreamReader reader = c.reader();
        StreamWriter writer = c.writer();
        writer.write(("GET " + parts.getRawPath() + " HTTP/1.1\r\nHost: " + parts.getRawAuthority()  //     writer.write(f'GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n
                + "\r\nConnection: close\r\n\r\n").getBytes(UTF_8));                           //                  Connection: close\r\n\r\n'.encode())
        String status = new String(await(reader.readline()), UTF_8).split("\\s+")[1];        //     status = (await reader.readline()).decode().split()[1]
        int length = 0;                                                                        //     length = 0
        byte[] line;
        while (!Arrays.equals(line = await(reader.readline()), "\r\n".getBytes(UTF_8))) {      //     while (line := await reader.readline()) != b'\r\n':
            String[] header = new String(line, UTF_8).split(":", 2);                           //         name, value = line.decode().split(':', 1)
            if (header[0].equalsIgnoreCase("content-length")) {                                //         if name.lower() == 'content-length':
                length = Integer.parseInt(header[1].strip());                                  //             length = int(value)
            }
        }
        byte[] content = await(reader.readexactly(length));                                    //     content = await reader.readexactly(length)
        writer.close();                                                                        //     writer.close()
        await(writer.waitClosed());                                                            //     await writer.wait_closed()
        return Coroutine.returning(new Response(status, content));                             //     return status, content
    }

    @Async
    static Coroutine<Void> fetch(String url, Path directory) throws IOException {              // async def fetch(url, directory):
        System.out.println("发送请求: " + url);                                                 //     print("发送请求:", url)
        Response response = await(get(url));                                                  //     status, content = await get(url)
        String fileName = url.substring(url.lastIndexOf('/') + 1) + ".png";                    //     file_name = url.rsplit("/")[-1] + '.png'
        Files.write(directory.resolve(fileName), response.content);                            //     with open(os.path.join(directory, file_name), mode="wb") as file_object:
                                                                                               //         file_object.write(content)
        System.out.println("下载完成 " + response.status + " " + response.content.length);     //         print("下载完成", status, len(content))
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main(LocalServer web, Path directory) throws IOException {          // async def main(web, directory):
        List<String> urlList = List.of(                                                        //     url_list = [
                web.url("/img/u=4198287529,277447.png"),                                       //         web.url('/img/u=4198287529,277447.png'),
                web.url("/img/u=2529476510,3041785782.png"),                                   //         web.url('/img/u=2529476510,3041785782.png'),
                web.url("/img/u=1951548898,3927145.png"));                                     //         web.url('/img/u=1951548898,3927145.png'),
        List<Task<Void>> tasks = new ArrayList<>();                                            //     ]
        for (String url : urlList) {                                                           //     tasks = [asyncio.create_task(fetch(url, directory)) for url in url_list]
            tasks.add(createTask(fetch(url, directory)));
        }
        await(waitTasks(tasks));                                                               //     await asyncio.wait(tasks)
        return Coroutine.done();
    }

    public static void main(String[] args) {
        try (LocalServer web = LocalServer.start()) {                                          // web = local_server.start()
            Path directory = Files.createTempDirectory("weft-download");                       // with tempfile.TemporaryDirectory() as directory:
            try {
                run(main(web, directory));                                                     //     asyncio.run(main(web, directory))
            } finally {
                try (Stream<Path> files = Files.walk(directory)) {
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
