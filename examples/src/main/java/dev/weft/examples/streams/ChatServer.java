package dev.weft.examples.streams;

import static dev.weft.Weft.*;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.Async;
import dev.weft.Awaitable;
import dev.weft.Connection;
import dev.weft.Coroutine;
import dev.weft.Server;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat server on streams ({@code src/main/python/streams/ChatServer.py}): a client sends its
 * name, then lines; the server sends each line to every other client; a client leaves by closing
 * its side ({@code writeEof}). Three clients on 127.0.0.1 join, talk and leave, each step waiting
 * until the others heard it, so the output is the same on every run.
 */
public class ChatServer {

    static final Map<StreamWriter, String> clients = new LinkedHashMap<>();            // clients = {}  # writer -> name

    static void broadcast(String message, StreamWriter sender) {                       // def broadcast(message, sender):
        System.out.println(message);                                                   //     print(message)
        for (StreamWriter writer : clients.keySet()) {                                 //     for writer in clients:
            if (writer != sender) {                                                    //         if writer is not sender:
                writer.write((message + "\n").getBytes(UTF_8));                        //             writer.write(f'{message}\n'.encode())
            }
        }
    }

    @Async
    static Coroutine<Void> handleClient(StreamReader reader, StreamWriter writer) {   // async def handle_client(reader, writer):
        String name = new String(await(reader.readline()), UTF_8).strip();             //     name = (await reader.readline()).decode().strip()
        writer.write(("welcome " + name + "\n").getBytes(UTF_8));                      //     writer.write(f'welcome {name}\n'.encode())
        clients.put(writer, name);                                                     //     clients[writer] = name
        broadcast(name + " joined", writer);                                           //     broadcast(f'{name} joined', writer)
        byte[] line;
        while ((line = await(reader.readline())).length > 0) {                         //     while line := await reader.readline():
            broadcast(name + ": " + new String(line, UTF_8).strip(), writer);          //         broadcast(f'{name}: {line.decode().strip()}', writer)
        }
        clients.remove(writer);                                                        //     del clients[writer]
        writer.write(("bye " + name + "\n").getBytes(UTF_8));                          //     writer.write(f'bye {name}\n'.encode())
        broadcast(name + " left", writer);                                             //     broadcast(f'{name} left', writer)
        writer.close();                                                                //     writer.close()
        await(writer.waitClosed());                                                    //     await writer.wait_closed()
        return Coroutine.done();
    }

    static class Client {                                                              // class Client:
        final String name;
        final List<String> heard = new ArrayList<>();
        StreamReader reader;
        StreamWriter writer;

        Client(String name) {                                                          //     def __init__(self, name):
            this.name = name;                                                          //         self.name = name
        }                                                                              //         self.heard = []

        @Async
        Coroutine<Void> hear() {                                                       //     async def hear(self):
            byte[] line = await(reader.readline());                                    //         line = await self.reader.readline()
            heard.add(new String(line, UTF_8).strip());                                //         self.heard.append(line.decode().strip())
            return Coroutine.done();
        }

        @Async
        Coroutine<Void> join(int port, Client... others) {                             //     async def join(self, port, *others):
            Connection c = await(openConnection("127.0.0.1", port));                   //         self.reader, self.writer = await asyncio.open_connection('127.0.0.1', port)
            reader = c.reader();
            writer = c.writer();
            writer.write((name + "\n").getBytes(UTF_8));                               //         self.writer.write(f'{self.name}\n'.encode())
            await(gather(hearing(this, others)));                                      //         await asyncio.gather(self.hear(), *(o.hear() for o in others))
            return Coroutine.done();
        }

        @Async
        Coroutine<Void> say(String text, Client... others) {                           //     async def say(self, text, *others):
            writer.write((text + "\n").getBytes(UTF_8));                               //         self.writer.write(f'{text}\n'.encode())
            await(gather(hearing(null, others)));                                      //         await asyncio.gather(*(o.hear() for o in others))
            return Coroutine.done();
        }

        @Async
        Coroutine<Void> leave(Client... others) {                                      //     async def leave(self, *others):
            writer.writeEof();                                                         //         self.writer.write_eof()
            await(gather(hearing(this, others)));                                      //         await asyncio.gather(self.hear(), *(o.hear() for o in others))
            writer.close();                                                            //         self.writer.close()
            await(writer.waitClosed());                                                //         await self.writer.wait_closed()
            return Coroutine.done();
        }

        /** {@code self.hear(), *(o.hear() for o in others)}, without {@code self} when it is null. */
        private static List<Awaitable<Void>> hearing(Client self, Client... others) {
            List<Awaitable<Void>> all = new ArrayList<>();
            if (self != null) {
                all.add(self.hear());
            }
            for (Client o : others) {
                all.add(o.hear());
            }
            return all;
        }
    }

    @Async
    static Coroutine<Void> main() {                                                    // async def main():
        Server server = await(startServer(ChatServer::handleClient, "127.0.0.1", 0));  //     server = await asyncio.start_server(handle_client, '127.0.0.1', 0)
        int port = server.sockets().get(0).getPort();                                  //     port = server.sockets[0].getsockname()[1]
        Client alice = new Client("alice");                                            //     async with server:
        Client bob = new Client("bob");                                                //         alice, bob, carol = Client('alice'), Client('bob'), Client('carol')
        Client carol = new Client("carol");
        try {
            await(alice.join(port));                                                   //         await alice.join(port)
            await(bob.join(port, alice));                                              //         await bob.join(port, alice)
            await(alice.say("hi bob", bob));                                           //         await alice.say('hi bob', bob)
            await(carol.join(port, alice, bob));                                       //         await carol.join(port, alice, bob)
            await(carol.say("hello, both of you", alice, bob));                        //         await carol.say('hello, both of you', alice, bob)
            await(bob.leave(alice, carol));                                            //         await bob.leave(alice, carol)
            await(alice.say("bye carol", carol));                                      //         await alice.say('bye carol', carol)
            await(alice.leave(carol));                                                 //         await alice.leave(carol)
            await(carol.leave());                                                      //         await carol.leave()
        } finally {
            server.close();
            await(server.waitClosed());
        }
        for (Client client : List.of(alice, bob, carol)) {                             //     for client in (alice, bob, carol):
            for (String line : client.heard) {                                         //         for line in client.heard:
                System.out.println(client.name + " heard: " + line);                   //             print(f'{client.name} heard: {line}')
            }
        }
        return Coroutine.done();
    }

    public static void main(String[] args) {
        run(main());                                                                   // asyncio.run(main())
    }
}
