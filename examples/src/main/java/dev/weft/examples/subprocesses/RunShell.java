package dev.weft.examples.subprocesses;

import static dev.weft.Redirect.PIPE;
import static dev.weft.Weft.*;
import static dev.weft.examples.Py.repr;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Subprocess;
import dev.weft.SubprocessOptions;
import dev.weft.SubprocessOutput;

/**
 * The asyncio documentation's first subprocess example ({@code src/main/python/subprocesses/RunShell.py}):
 * a shell command's stdout and stderr captured with {@code communicate}, then two commands in
 * parallel with {@code gather}. Python's keyword arguments {@code stdout=PIPE, stderr=PIPE} are a
 * {@link SubprocessOptions}; the {@code (stdout, stderr)} tuple a {@link SubprocessOutput}.
 */
public class RunShell {

    @Async
    static Coroutine<Void> run(String cmd) {                                        // async def run(cmd):
        Subprocess proc = await(createSubprocessShell(                              //     proc = await asyncio.create_subprocess_shell(
                cmd,                                                                //         cmd,
                new SubprocessOptions().stdout(PIPE)                                //         stdout=asyncio.subprocess.PIPE,
                        .stderr(PIPE)));                                            //         stderr=asyncio.subprocess.PIPE)

        SubprocessOutput out = await(proc.communicate());                           //     stdout, stderr = await proc.communicate()

        System.out.println("[" + repr(cmd) + " exited with " + proc.returncode() + "]"); // print(f'[{cmd!r} exited with {proc.returncode}]')
        if (out.stdout().length > 0) {                                              //     if stdout:
            System.out.println("[stdout]\n" + new String(out.stdout(), UTF_8));     //         print(f'[stdout]\n{stdout.decode()}')
        }
        if (out.stderr().length > 0) {                                              //     if stderr:
            System.out.println("[stderr]\n" + new String(out.stderr(), UTF_8));     //         print(f'[stderr]\n{stderr.decode()}')
        }
        return Coroutine.done();
    }

    @Async
    static Coroutine<Void> main() {                                                 // async def main():
        await(gather(                                                               //     await asyncio.gather(
                run("ls /zzz"),                                                     //         run('ls /zzz'),
                run("sleep 1; echo \"hello\"")));                                   //         run('sleep 1; echo "hello"'))
        return Coroutine.done();
    }

    public static void main(String[] args) {
        dev.weft.Weft.run(run("ls /zzz"));                                          // asyncio.run(run('ls /zzz'))

        dev.weft.Weft.run(main());                                                  // asyncio.run(main())
    }
}
