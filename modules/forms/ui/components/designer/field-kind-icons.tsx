import type { ReactNode } from 'react';
import {
  AimOutlined,
  ApartmentOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClockCircleOutlined,
  CameraOutlined,
  FieldNumberOutlined,
  FileTextOutlined,
  FontSizeOutlined,
  CheckCircleOutlined,
  LineOutlined,
  TableOutlined,
  UserOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { FieldKind } from '../../designer/designer-model';

export const FIELD_KIND_ICONS: Record<FieldKind, ReactNode> = {
  text: <FontSizeOutlined />,
  textarea: <FileTextOutlined />,
  number: <FieldNumberOutlined />,
  date: <CalendarOutlined />,
  datetime: <ClockCircleOutlined />,
  choice: <CheckCircleOutlined />,
  multi: <CheckSquareOutlined />,
  yesno: <SwapOutlined />,
  person: <UserOutlined />,
  unit: <ApartmentOutlined />,
  file: <CameraOutlined />,
  location: <AimOutlined />,
  section: <LineOutlined />,
  group: <TableOutlined />,
};
