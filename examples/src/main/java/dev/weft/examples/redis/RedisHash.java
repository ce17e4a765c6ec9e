package dev.weft.examples.redis;

import static dev.weft.Weft.*;
import static dev.weft.examples.Py.print;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Task;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 000, "案例 redis 操作": {@code HSET} and {@code HGETALL} on a real Redis, once, then over many
 * connections at once ({@code src/main/python/redis/RedisHash.py}). aioredis is Lettuce here: its
 * async API answers every command with a {@code RedisFuture}, a {@code CompletionStage}, which a
 * coroutine awaits; connecting gives one too ({@code connectAsync}).
 *
 * <p>The example starts its own {@code redis-server} on a free port of 127.0.0.1 (with a password,
 * as the seed's {@code create_redis(addr, password=pwd)}), and stops it at the end. Without one on
 * the PATH, it says so and how to get one. The seed's second part passes bare coroutines to
 * {@code asyncio.wait} (gone in Python 3.11); here they are tasks, {@value #CONNECTIONS} of them,
 * whose lines interleave in whatever order Redis answers (the test compares them as a multiset).
 */
public class RedisHash {

    /** How many connections the second part opens at once. */
    public static final int CONNECTIONS = 10;

    @Async
    static Coroutine<Void> exec(RedisClient client, RedisURI addr) {                            // async def exec(addr,pwd):
        System.out.println("init redis");                                                       //     print("init redis")
        StatefulRedisConnection<String, String> redis =                                         //     redis = await aioredis.create_redis(adr, password=pwd)
                await(client.connectAsync(StringCodec.UTF8, addr));
        RedisAsyncCommands<String, String> commands = redis.async();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key1", "1");
        fields.put("key2", "2");
        await(commands.hset("car", fields));                                                    //     await redis.hmset_dict("car", key1=1,key2=2)
        Map<String, String> result = await(commands.hgetall("car"));                            //     result = await redis.hgetall("car", encoding='utf-8')
        print(result);                                                                          //     print(result)
        await(redis.closeAsync());                                                              //     redis.close()
                                                                                                //     await redis.wait_close()
        System.out.println("over");                                                             //     print("over")
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> many(RedisClient client, RedisURI addr, int n) {                     // (asyncio.wait, with tasks)
        List<Task<Void>> taskList = new ArrayList<>();                                          // task_list= [exec("redis addr", "redis pwd"), ...]
        for (int i = 0; i < n; i++) {
            taskList.add(createTask(exec(client, addr)));
        }
        await(waitTasks(taskList));                                                             // asyncio.run(asyncio.wait(task_list))
        return Coroutine.done();
    }

    /** Both parts against the Redis at {@code uri}. */
    public static void runAgainst(String uri, int connections) {
        RedisClient client = RedisClient.create();
        try {
            RedisURI addr = RedisURI.create(uri);
            run(exec(client, addr));                                                            // asyncio.run( exec("redis addr", "redis pwd") )
            run(many(client, addr, connections));                                               // asyncio.run(asyncio.wait(task_list))
        } finally {
            client.shutdown();
        }
    }

    public static void main(String[] args) {
        if (RedisServer.executable().isEmpty()) {
            System.out.println(RedisServer.HOW_TO_GET_ONE);
            return;
        }
        try (RedisServer server = RedisServer.start()) {
            runAgainst(server.uri(), CONNECTIONS);
        }
    }
}
