// @vitest-environment happy-dom
import { instagram } from '@/utils/sites/instagram';
import { describeSiteFixture } from '../../helpers/siteFixture';

if (!instagram.posts) throw new Error('no post adapter');
describeSiteFixture('instagram', instagram.posts);
