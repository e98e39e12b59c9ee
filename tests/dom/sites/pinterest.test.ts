// @vitest-environment happy-dom
import { pinterest } from '@/utils/sites/pinterest';
import { describeSiteFixture } from '../../helpers/siteFixture';

if (!pinterest.posts) throw new Error('no post adapter');
describeSiteFixture('pinterest', pinterest.posts);
