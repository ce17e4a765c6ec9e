# Seed 002, "案例：asyncio + 不支持异步的模块": a blocking download (requests.get in the seed;
# urllib.request here, since requests is not in the standard library) run in the default executor,
# so the downloads still overlap. Three images of a local server stand in for the seed's URLs; the
# files go to a temporary directory instead of "pic".
import asyncio
import os
import sys
import tempfile
import urllib.request
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'crawler'))
import local_server

def requests_get(url):
    with urllib.request.urlopen(url) as response:
        return response.read()

async def download_image(url, pic):
    print("开始下载", url)
    loop = asyncio.get_event_loop()
    future = loop.run_in_executor(None, requests_get, url) # 默认线程池全局共享
    content = await future
    print("下载完成")

    file_name = url.rsplit('_')[-1]
    # 从url中提取文件名，从右边按'_'分割，取最后一个部分
    file_path = os.path.join(pic, file_name)
    with open(file_path, mode='wb') as file_object:
        file_object.write(content)

async def main(web, pic):
    url_list = [
        web.url('/img/120x90_0_autohomecar__ChsEe12AXQ6AOOH_AAFocMs8nzU621.jpg'),
        web.url('/img/120x90_0_autohomecar__ChcCSV2BBICAUntfAADjJFd6800429.jpg'),
        web.url('/img/120x90_0_autohomecar__ChcCP12BFCmAIO83AAGq7vK0sGY193.jpg')
    ]
    tasks = [asyncio.create_task(download_image(url, pic)) for url in url_list]
    await asyncio.wait(tasks)

if __name__ == '__main__':
    web = local_server.start()
    with tempfile.TemporaryDirectory() as pic:
        asyncio.run(main(web, pic))  # 直接使用 asyncio.run
    web.close()
