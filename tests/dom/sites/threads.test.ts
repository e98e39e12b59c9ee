// @vitest-environment happy-dom
import { threads } from '@/utils/sites/threads';
import { describeSiteFixture } from '../../helpers/siteFixture';

if (!threads.posts) throw new Error('no post adapter');
describeSiteFixture('threads', threads.posts);
