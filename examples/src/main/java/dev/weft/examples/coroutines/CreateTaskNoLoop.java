package dev.weft.examples.coroutines;

import static dev.weft.Weft.*;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Task;
import java.util.List;

/**
 * Seed 002, "下面的方式会报错": {@code create_task} before {@code asyncio.run} fails, because no loop
 * runs yet ({@code src/main/python/coroutines/CreateTaskNoLoop.py}). Python raises
 * {@code RuntimeError: no running event loop}; Weft an {@code IllegalStateException} that says so
 * and what to do instead. The seed's program dies of it; both twins catch it, print the seed's
 * comment "会报错" (it fails), and the message on stderr.
 */
public class CreateTaskNoLoop {

    @Async
    static Coroutine<String> func() {                           // async def func():
        System.out.println(1);                                  //     print(1)
        await(sleep(2));                                        //     await asyncio.sleep(2)
        System.out.println(2);                                  //     print(2)
        return Coroutine.returning("返回值");                   //     return '返回值'
    }

    public static void main(String[] args) {
        try {
            List<Task<String>> taskList = List.of(              // task_list = [
                    createTask(func()),                         //         asyncio.create_task(func()),
                    createTask(func()));                        //         asyncio.create_task(func())
                                                                //     ] # 会报错，因为还没有创建事件循环
            System.out.println(taskList);
        } catch (IllegalStateException e) {                     // (RuntimeError)
            System.out.println("会报错");
            System.err.println(e.getMessage());
        }
    }
}
