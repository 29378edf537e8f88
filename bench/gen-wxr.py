#!/usr/bin/env python3
"""Writes a WordPress (WXR 1.2) export of N posts, each with a featured photo attachment, for bench/import.sh.

Usage: gen-wxr.py N OUT.xml [MEDIA_DIR]   (MEDIA_DIR: where wp-content/uploads files would be; one tiny JPEG per 100 posts is written there)
"""
import sys, os, random, html

n = int(sys.argv[1]); out = sys.argv[2]; media = sys.argv[3] if len(sys.argv) > 3 else None
random.seed(7)
words = ("city council budget vote minister election storm flood market river school hospital police court "
         "حكومة انتخابات مدينة Москва выборы 東京 選挙 ירושלים בחירות").split()
sections = ["World", "Politics", "Business", "Sport", "Culture", "Science", "Opinion", "Local", "Health", "Climate"]
authors = [("ana", "Ana Lima"), ("omar", "عمر الفاروق"), ("olga", "Ольга Петрова"), ("kenji", "山田 健二")]

def para():
    return " ".join(random.choice(words) for _ in range(random.randint(30, 60)))

def cdata(s):
    return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>"

jpeg = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9")

with open(out, "w", encoding="utf-8") as f:
    w = f.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
      'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
      '<title>Bench Gazette</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version>'
      '<wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>\n')
    for i, (login, name) in enumerate(authors, 1):
        w(f'<wp:author><wp:author_id>{i}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>'
          f'<wp:author_email>{login}@bench.example</wp:author_email><wp:author_display_name>{cdata(name)}</wp:author_display_name></wp:author>\n')
    for s in sections:
        w(f'<wp:category><wp:category_nicename>{s.lower()}</wp:category_nicename><wp:cat_name>{cdata(s)}</wp:cat_name></wp:category>\n')
    pid = 1
    for k in range(n):
        post_id = pid; photo_id = pid + 1; pid += 2
        day = 1 + k % 28; month = 1 + (k // 28) % 12; year = 2010 + (k // 336) % 15
        date = f"{year:04d}-{month:02d}-{day:02d} {k % 24:02d}:{k % 60:02d}:00"
        sec = sections[k % len(sections)]
        login = authors[k % len(authors)][0]
        title = f"Story {k}: " + " ".join(random.choice(words) for _ in range(6))
        body = "\n\n".join(para() for _ in range(4))
        file = f"{year:04d}/{month:02d}/photo-{k // 100}.jpg"
        if media and k % 100 == 0:
            os.makedirs(os.path.join(media, f"{year:04d}/{month:02d}"), exist_ok=True)
            with open(os.path.join(media, file), "wb") as j:
                j.write(jpeg)
        w(f'<item><title>{cdata(title)}</title><link>https://bench.example/{year}/{month:02d}/story-{k}/</link>'
          f'<dc:creator>{cdata(login)}</dc:creator><content:encoded>{cdata(body)}</content:encoded>'
          f'<excerpt:encoded>{cdata("Dek of story " + str(k))}</excerpt:encoded><wp:post_id>{post_id}</wp:post_id>'
          f'<wp:post_date>{cdata(date)}</wp:post_date><wp:post_date_gmt>{cdata(date)}</wp:post_date_gmt>'
          f'<wp:post_name>{cdata("story-" + str(k))}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>'
          f'<category domain="category" nicename="{sec.lower()}">{cdata(sec)}</category>'
          f'<category domain="post_tag" nicename="tag-{k % 50}">{cdata("Tag " + str(k % 50))}</category>'
          f'<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{photo_id}</wp:meta_value></wp:postmeta>'
          f'<wp:postmeta><wp:meta_key>_yoast_wpseo_metadesc</wp:meta_key><wp:meta_value>{cdata("Search text " + str(k))}</wp:meta_value></wp:postmeta>'
          '</item>\n')
        w(f'<item><title>{cdata("Photo " + str(k))}</title><link>https://bench.example/?attachment_id={photo_id}</link>'
          f'<dc:creator>{cdata(login)}</dc:creator><content:encoded></content:encoded><excerpt:encoded>{cdata("Caption of photo " + str(k))}</excerpt:encoded>'
          f'<wp:post_id>{photo_id}</wp:post_id><wp:post_date>{cdata(date)}</wp:post_date><wp:post_date_gmt>{cdata(date)}</wp:post_date_gmt>'
          f'<wp:post_name>photo-{k}</wp:post_name><wp:status>inherit</wp:status><wp:post_parent>{post_id}</wp:post_parent><wp:post_type>attachment</wp:post_type>'
          f'<wp:attachment_url>https://bench.example/wp-content/uploads/{file}</wp:attachment_url>'
          f'<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>{cdata(file)}</wp:meta_value></wp:postmeta>'
          f'<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>{cdata("Alt of photo " + str(k))}</wp:meta_value></wp:postmeta>'
          '</item>\n')
    w('</channel>\n</rss>\n')
