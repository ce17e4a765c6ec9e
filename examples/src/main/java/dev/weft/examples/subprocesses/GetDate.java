package dev.weft.examples.subprocesses;

import static dev.weft.Redirect.PIPE;
import static dev.weft.Weft.*;
import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.weft.Async;
import dev.weft.Coroutine;
import dev.weft.Subprocess;
import dev.weft.SubprocessOptions;

/**
 * The asyncio documentation's {@code get_date} example ({@code src/main/python/subprocesses/GetDate.py}):
 * a Python child prints the date, read from its stdout pipe one line at a time. Python's
 * {@code sys.executable} is {@code python3} here, from the PATH.
 */
public class GetDate {

    @Async
    static Coroutine<String> getDate() {                                          // async def get_date():
        String code = "import datetime; print(datetime.datetime.now())";          //     code = 'import datetime; print(datetime.datetime.now())'

        // Create the subprocess; redirect the standard output
        // into a pipe.
        Subprocess proc = await(createSubprocessExec(                             //     proc = await asyncio.create_subprocess_exec(
                new SubprocessOptions().stdout(PIPE),                             //         sys.executable, '-c', code,
                "python3", "-c", code));                                          //         stdout=asyncio.subprocess.PIPE)

        // Read one line of output.
        byte[] data = await(proc.stdout().readline());                            //     data = await proc.stdout.readline()
        String line = new String(data, US_ASCII).stripTrailing();                 //     line = data.decode('ascii').rstrip()

        // Wait for the subprocess exit.
        await(proc.waitFor());                                                    //     await proc.wait()
        return Coroutine.returning(line);                                         //     return line
    }

    public static void main(String[] args) {
        String date = run(getDate());                                             // date = asyncio.run(get_date())
        System.out.println("Current date: " + date);                              // print(f"Current date: {date}")
    }
}
