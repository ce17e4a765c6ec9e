# Seed 002, "案例：异步爬虫": three pages downloaded concurrently. aiohttp is not in the standard
# library: miniaiohttp is the part of it the seed uses, on asyncio streams. The pages come from a
# local server instead of python.org, baidu.com and pythonav.com, answering after 300, 0 and 150 ms.
import asyncio
import local_server
import miniaiohttp as aiohttp

async def fetch(session, url):
    print("发送请求", url)
    async with session.get(url, verify_ssl=False) as response:
        text = await response.text()
        print("得到结果",url,len(text))
        return text

async def main(web):
    async with aiohttp.ClientSession() as session:
        url_list = [
            web.url('/page/python.org?delay=300&size=50000'),
            web.url('/page/www.baidu.com?delay=0&size=2000'),
            web.url('/page/www.pythonav.com?delay=150&size=7000')
        ]
        tasks = [asyncio.create_task(fetch(session,url)) for url in url_list]
        await asyncio.wait(tasks)

if __name__ == "__main__":
    web = local_server.start()
    asyncio.run(main(web))
    web.close()
