# A chat server on asyncio streams: a client sends its name, then lines; the server sends each
# line to every other client; a client leaves by closing its side (write_eof). Three clients on
# 127.0.0.1 join, talk and leave, each step waiting until the others heard it, so the output is
# the same on every run.
import asyncio

clients = {}  # the writer of each client connected -> its name

def broadcast(message, sender):
    print(message)
    for writer in clients:
        if writer is not sender:
            writer.write(f'{message}\n'.encode())

async def handle_client(reader, writer):
    name = (await reader.readline()).decode().strip()
    writer.write(f'welcome {name}\n'.encode())
    clients[writer] = name
    broadcast(f'{name} joined', writer)
    while line := await reader.readline():
        broadcast(f'{name}: {line.decode().strip()}', writer)
    del clients[writer]
    writer.write(f'bye {name}\n'.encode())
    broadcast(f'{name} left', writer)
    writer.close()
    await writer.wait_closed()

class Client:
    def __init__(self, name):
        self.name = name
        self.heard = []

    async def hear(self):
        line = await self.reader.readline()
        self.heard.append(line.decode().strip())

    async def join(self, port, *others):
        self.reader, self.writer = await asyncio.open_connection('127.0.0.1', port)
        self.writer.write(f'{self.name}\n'.encode())
        await asyncio.gather(self.hear(), *(o.hear() for o in others))

    async def say(self, text, *others):
        self.writer.write(f'{text}\n'.encode())
        await asyncio.gather(*(o.hear() for o in others))

    async def leave(self, *others):
        self.writer.write_eof()
        await asyncio.gather(self.hear(), *(o.hear() for o in others))
        self.writer.close()
        await self.writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle_client, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        alice, bob, carol = Client('alice'), Client('bob'), Client('carol')
        await alice.join(port)
        await bob.join(port, alice)
        await alice.say('hi bob', bob)
        await carol.join(port, alice, bob)
        await carol.say('hello, both of you', alice, bob)
        await bob.leave(alice, carol)
        await alice.say('bye carol', carol)
        await alice.leave(carol)
        await carol.leave()
    for client in (alice, bob, carol):
        for line in client.heard:
            print(f'{client.name} heard: {line}')

asyncio.run(main())
